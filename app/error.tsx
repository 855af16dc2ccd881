"use client";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <>
      <h1>Sorry, there is a problem with the service</h1>
      <p>Nothing you had already saved has been lost. Try again in a moment.</p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </>
  );
}
