import ReactMarkdown from 'react-markdown';

/** Lesson Markdown: no raw HTML (skipped, and refused by the API anyway); links open safely. */
export function Markdown({ text }: { text: string }) {
  return (
    <ReactMarkdown
      skipHtml
      components={{
        a: ({ href, children }) => (
          <a
            href={href}
            rel="noopener noreferrer"
            target={href?.startsWith('http') ? '_blank' : undefined}
          >
            {children}
          </a>
        ),
      }}
    >
      {text}
    </ReactMarkdown>
  );
}
