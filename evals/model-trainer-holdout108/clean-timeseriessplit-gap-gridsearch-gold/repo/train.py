"""Weekly gold direction classifier tuned with forward-chaining CV; one final out-of-sample test."""
import numpy as np
import pandas as pd
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import brier_score_loss, log_loss, roc_auc_score
from sklearn.model_selection import GridSearchCV, TimeSeriesSplit
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from features import load, make_xy

SEED = 77
HORIZON = 5
TEST_START = "2020-01-01"


def main():
    np.random.seed(SEED)
    X, y, fwd = make_xy(load(), HORIZON)
    dev = X.index < pd.Timestamp(TEST_START) - pd.tseries.offsets.BDay(HORIZON)
    test = X.index >= TEST_START
    X_dev, y_dev = X[dev], y[dev]
    X_test, y_test = X[test], y[test]
    print(f"dev {X_dev.index.min().date()}..{X_dev.index.max().date()} n={dev.sum()}, "
          f"test n={test.sum()}, test up-rate={y_test.mean():.2f}")

    tscv = TimeSeriesSplit(n_splits=6, gap=HORIZON)
    searches = {
        "logit": GridSearchCV(
            Pipeline([("impute", SimpleImputer(strategy="median")),
                      ("scale", StandardScaler()),
                      ("clf", LogisticRegression(max_iter=5000, random_state=SEED))]),
            {"clf__C": [0.01, 0.03, 0.1, 0.3, 1.0]},
            cv=tscv, scoring="neg_log_loss", n_jobs=-1),
        "hgb": GridSearchCV(
            HistGradientBoostingClassifier(learning_rate=0.03, max_iter=300, random_state=SEED),
            {"max_leaf_nodes": [4, 8, 16], "min_samples_leaf": [50, 150]},
            cv=tscv, scoring="neg_log_loss", n_jobs=-1),
    }
    prior = DummyClassifier(strategy="prior").fit(X_dev, y_dev)

    rows = []
    for name, search in searches.items():
        search.fit(X_dev, y_dev)
        print(name, search.best_params_, f"cv logloss={-search.best_score_:.4f}")
        rows.append((name, search.predict_proba(X_test)[:, 1]))
    rows.append(("prior", prior.predict_proba(X_test)[:, 1]))

    weekly = slice(None, None, HORIZON)
    for name, p in rows:
        pos = 2 * p - 1  # size by conviction, no hard threshold
        pnl = pd.Series(pos * fwd[test].to_numpy(), index=X_test.index).iloc[weekly]
        pnl -= np.abs(np.diff(pos[weekly], prepend=0.0)) * 2e-4
        auc = roc_auc_score(y_test, p) if np.unique(p).size > 1 else 0.5
        print(f"{name:6s} auc={auc:.3f} logloss={log_loss(y_test, p):.4f} "
              f"brier={brier_score_loss(y_test, p):.4f} "
              f"sharpe={pnl.mean() / pnl.std() * np.sqrt(52):.2f}")


if __name__ == "__main__":
    main()
