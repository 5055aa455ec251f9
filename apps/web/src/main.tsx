import { createRoot } from 'react-dom/client';
import { App } from './App';
import { loadLanguage } from './i18n';
import { resolveLanguage, storedLanguage } from './lib/language';
import './styles.css';

const initial = resolveLanguage({ stored: storedLanguage(), browser: navigator.languages });
void loadLanguage(initial.language).then(() => {
  createRoot(document.getElementById('root')!).render(
    <App initialLanguage={initial.language} askLanguage={initial.ask} />,
  );
});
