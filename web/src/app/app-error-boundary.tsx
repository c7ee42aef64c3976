import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorFallback } from '../components/error-fallback';

interface State {
  error: unknown;
}

/** Last line of defence: anything thrown outside a route ends here as a friendly page with a reload button. */
export class AppErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Unhandled error in the web app', error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error) return <ErrorFallback error={this.state.error} />;
    return this.props.children;
  }
}
