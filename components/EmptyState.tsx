export interface CarrierLink {
  id: string;
  label: string;
  country: string;
  usageUrl: string;
}

/** First run: exactly what to do, and where. */
export function EmptyState({ carriers }: { carriers: readonly CarrierLink[] }) {
  return (
    <section class="empty" aria-labelledby="empty-title">
      <h2 id="empty-title">No lines yet</h2>
      <p>
        Open your carrier’s usage page and sign in as usual. The figures are read from the page and saved
        here, in your browser only. No password is ever asked for.
      </p>
      <p>Supported carriers:</p>
      <ul class="carrier-list">
        {carriers.map((carrier) => (
          <li key={carrier.id}>
            <a href={carrier.usageUrl} target="_blank" rel="noreferrer">
              {carrier.label}
            </a>{' '}
            <span class="country">({carrier.country})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
