import pandas as pd


def load_config(path):
    import yaml
    with open(path) as fh:
        return yaml.safe_load(fh)


def feature_list(cfg):
    return list(cfg["monotone"].keys())


def monotone_tuple(cfg):
    """XGBoost expects one constraint per column, in column order."""
    return tuple(int(cfg["monotone"][f]) for f in feature_list(cfg))


def check_monotone(model, X, feature, grid_size=20):
    """Partial-dependence style sanity check that PD moves in the constrained direction."""
    grid = X[feature].quantile([i / grid_size for i in range(grid_size + 1)]).unique()
    sample = X.sample(n=min(len(X), 2000), random_state=0)
    means = []
    for v in grid:
        tmp = sample.copy()
        tmp[feature] = v
        means.append(model.predict_proba(tmp)[:, 1].mean())
    return pd.Series(means, index=grid)
