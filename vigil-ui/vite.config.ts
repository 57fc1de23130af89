import { resolve } from 'node:path'
import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { districts } from './build/districts.ts'

// `npm run dev` / `vite preview` forward the API to a running Vigil (VIGIL_API, default localhost:8080)
const target = process.env.VIGIL_API ?? 'http://localhost:8080'
const proxy = { '/api': target, '/actuator': target }

export default defineConfig({
  base: './',
  plugins: [vue(), districts()],
  build: {
    outDir: 'dist',
    chunkSizeWarningLimit: 2000,
    rollupOptions: {
      input: { main: resolve(import.meta.dirname, 'index.html'), bench: resolve(import.meta.dirname, 'bench.html') },
    },
  },
  server: { proxy },
  preview: { proxy },
})
