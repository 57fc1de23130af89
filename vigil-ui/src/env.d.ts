/// <reference types="vite/client" />
declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}
declare module 'virtual:districts' {
  import type { FeatureCollection } from 'geojson'
  const districts: FeatureCollection
  export default districts
}
