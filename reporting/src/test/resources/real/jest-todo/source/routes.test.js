// Jest suite with todo tests beside every other outcome: 2 passing (one in 0 ms, like a todo's
// time), 1 failing, 1 skipped, 2 todo. Regenerate with ../HOW.md.
describe('route', () => {
  test('finds the shortest route', () => {
    expect(Math.min(3, 5)).toBe(3);
  });
  test('avoids closed roads', () => {
    // Fails on purpose.
    expect(['A', 'B']).not.toContain('B');
  });
  test.todo('prefers bus lanes');
  test.skip('crosses the river by ferry', () => {});
  test.todo('reroutes around traffic');
  test('returns an empty route for the same point', () => {
    expect([].length).toBe(0);
  });
});
