"use client";

/**
 * Last resort when even the root layout fails: no catalogue is available here, so the message is given in both
 * official languages.
 */
export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: "system-ui, sans-serif", maxWidth: "36rem", margin: "4rem auto", padding: "0 1rem" }}>
        <main id="main">
          <h1>Liaison is unavailable right now</h1>
          <p>Nothing was changed by this request. Try again in a minute.</p>
          <h2 lang="fr">Liaison n&apos;est pas disponible pour le moment</h2>
          <p lang="fr">Cette demande n&apos;a rien modifié. Réessayez dans une minute.</p>
          <button type="button" onClick={reset}>
            Try again / Réessayer
          </button>
        </main>
      </body>
    </html>
  );
}
