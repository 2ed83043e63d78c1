// Process-wide serving state: once shutdown begins, the server is draining and no longer ready.
let draining = false;

export const startDraining = (): void => {
  draining = true;
};

export const isDraining = (): boolean => draining;
