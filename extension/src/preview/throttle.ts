// Throttles preview refreshes as the Markdown preview does: the first one runs at once, later ones
// at most once per interval; a refresh never overlaps the previous one, and triggers that arrive
// meanwhile fold into one trailing run, so the last edit is always shown.
export interface Clock {
    now(): number;
    setTimeout(fn: () => void, ms: number): unknown;
    clearTimeout(handle: unknown): void;
}

const systemClock: Clock = {
    now: () => Date.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: h => clearTimeout(h as ReturnType<typeof setTimeout>)
};

export class Throttle {
    private last = Number.NEGATIVE_INFINITY;
    private timer: unknown;
    private running = false;
    private pending = false;
    private disposed = false;

    constructor(private readonly run: () => Promise<void>, private readonly interval = 300, private readonly clock: Clock = systemClock) {}

    /** Asks for a run; `immediate` skips the wait (a new resource, a webview that just loaded). */
    trigger(immediate = false): void {
        if (this.disposed) return;
        this.pending = true;
        if (this.running) return;
        if (this.timer !== undefined) {
            if (!immediate) return;
            this.clock.clearTimeout(this.timer);
            this.timer = undefined;
        }
        const wait = immediate ? 0 : Math.max(0, this.last + this.interval - this.clock.now());
        if (wait === 0) void this.fire();
        else this.timer = this.clock.setTimeout(() => { this.timer = undefined; void this.fire(); }, wait);
    }

    private async fire(): Promise<void> {
        if (!this.pending || this.disposed) return;
        this.pending = false;
        this.running = true;
        this.last = this.clock.now();
        try {
            await this.run();
        } catch {
            // A failed refresh keeps the last view; the next trigger tries again.
        } finally {
            this.running = false;
            if (this.pending) this.trigger();
        }
    }

    dispose(): void {
        this.disposed = true;
        if (this.timer !== undefined) this.clock.clearTimeout(this.timer);
        this.timer = undefined;
    }
}
