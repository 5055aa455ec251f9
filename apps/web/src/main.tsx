import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadLanguage } from './i18n';
import { resolveLanguage, storedLanguage } from './lib/language';
import './styles.css';

// On a slow network every round trip counts: fetch the first screen's code while the texts load.
if (location.pathname === '/academy') void import('./screens/academy/Catalogue');

const initial = resolveLanguage({ stored: storedLanguage(), browser: navigator.languages });
void loadLanguage(initial.language).then(() => {
  createRoot(document.getElementById('root')!).render(
    <App initialLanguage={initial.language} askLanguage={initial.ask} />,
  );
});
