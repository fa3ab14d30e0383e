import numpy as np


def _variants(m, rng):
    m = np.rot90(m, k=int(rng.integers(4)))
    if rng.random() < 0.5:
        m = np.fliplr(m)
    return np.ascontiguousarray(m)


def augment_minority(X, y, min_per_class, rng):
    """Rotate/flip wafer maps of rare failure types up to min_per_class (wafer patterns are rotation-invariant)."""
    X_out, y_out = [X], [y]
    for cls in np.unique(y):
        idx = np.flatnonzero(y == cls)
        need = min_per_class - len(idx)
        if need <= 0:
            continue
        picks = rng.choice(idx, size=need, replace=True)
        X_out.append(np.stack([_variants(X[i], rng) for i in picks]))
        y_out.append(np.full(need, cls))
    return np.concatenate(X_out), np.concatenate(y_out)
