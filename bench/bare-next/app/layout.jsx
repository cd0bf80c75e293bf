// The bare Next.js page of `npm run bench`: a root layout and nothing else (no proxy, no i18n, no styles).
export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
