import { createRouter, createWebHashHistory } from 'vue-router'
import { token } from './api/client'
import { loadMe, me } from './session'

export const router = createRouter({
  // hash history: the server needs no fallback route for the console
  history: createWebHashHistory(),
  routes: [
    { path: '/login', component: () => import('./views/LoginView.vue') },
    {
      path: '/',
      component: () => import('./views/ShellLayout.vue'),
      children: [
        { path: '', redirect: '/map' },
        { path: 'map', component: () => import('./views/MapView.vue') },
        { path: 'warnings', component: () => import('./views/WarningList.vue') },
        { path: 'warnings/:id', component: () => import('./views/WarningDetail.vue'), props: true },
        { path: 'duty', component: () => import('./views/DutyDesk.vue') },
        { path: 'registry/:kind', component: () => import('./views/RegistryTable.vue'), props: true },
        { path: 'admin/organisations', component: () => import('./views/OrganisationTree.vue') },
        { path: 'admin/:kind', component: () => import('./views/RegistryTable.vue'), props: true },
      ],
    },
  ],
})

router.beforeEach(async (to) => {
  if (to.path === '/login') return true
  if (!token.value) return '/login'
  if (!me.value) {
    try { await loadMe() } catch { return '/login' }
  }
  return true
})
