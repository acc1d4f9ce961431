import { A } from "@solidjs/router";
import EmptyState from "../components/EmptyState";

export default function NotFound() {
  return (
    <EmptyState icon="compass" title="This page doesn't exist">
      <p class="muted">The link may be broken or the page was removed.</p>
      <A href="/" class="btn btn-primary">
        Go home
      </A>
    </EmptyState>
  );
}
