import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Layout';
import { ErrorBox } from '../../components/ErrorBox';
import { PostIdea } from '../../graphql/forums';
import { useApp } from '../../app-context';

/** A member posts an idea in the language they write in; errors come back in it too. */
export function PostIdeaPage() {
  const { t } = useTranslation();
  const { forumId = '' } = useParams();
  const { user, language } = useApp();
  const navigate = useNavigate();
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [address, setAddress] = useState('');
  const [res, post] = useMutation(PostIdea);
  return (
    <Page title={t('forums.newIdea')}>
      <p>
        <Link to={`/forums/${forumId}`}>{t('forums.backToForum')}</Link>
      </p>
      {!user ? (
        <p className="notice">
          <Link to="/account">{t('forums.signInToJoin')}</Link>
        </p>
      ) : (
        <form
          onSubmit={async (e) => {
            e.preventDefault();
            const r = await post({
              input: {
                forumId,
                title: title.trim(),
                text: text.trim(),
                language,
                place: address.trim() ? { address: address.trim() } : undefined,
              },
            });
            if (r.data) void navigate(`/forums/${forumId}/ideas/${r.data.postIdea.id}`);
          }}
        >
          <p className="hint">{t('forums.newIdeaHint')}</p>
          <ErrorBox error={res.error} />
          <label htmlFor="idea-title">{t('forums.ideaTitle')}</label>
          <input
            id="idea-title"
            required
            maxLength={150}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
          />
          <label htmlFor="idea-text">{t('forums.ideaText')}</label>
          <textarea
            id="idea-text"
            required
            maxLength={5000}
            rows={6}
            value={text}
            onChange={(e) => setText(e.target.value)}
          />
          <label htmlFor="idea-address">{t('forums.ideaAddress')}</label>
          <p className="hint" id="idea-address-hint">
            {t('forums.ideaAddressHint')}
          </p>
          <input
            id="idea-address"
            maxLength={200}
            aria-describedby="idea-address-hint"
            autoComplete="off"
            value={address}
            onChange={(e) => setAddress(e.target.value)}
          />
          <button type="submit" className="primary" disabled={res.fetching}>
            {t('forums.publish')}
          </button>
        </form>
      )}
    </Page>
  );
}
