import { install } from '@urql/vue';
import { createApp } from 'vue';
import App from './App.vue';
import { auth, SESSION_KEY } from './auth';
import { createApiClient } from './client';
import { createAppRouter } from './router';
import './styles/index.css';

auth.restore();
// Signing in or out in another tab does so here too.
window.addEventListener('storage', (event) => {
  if (event.key === SESSION_KEY || event.key === null) auth.restore();
});

createApp(App).use(createAppRouter()).use(install, createApiClient()).mount('#app');
