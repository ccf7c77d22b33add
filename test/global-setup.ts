// Pins the time zone for every test worker: dates are calendar days, never shifted by a TZ.
export default function setup(): void {
  process.env.TZ = 'UTC';
}
