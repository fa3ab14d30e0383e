"""Post-stay review score model (1–10). Guests stay several times, so splits are grouped by guest."""
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error
from sklearn.model_selection import GridSearchCV, GroupKFold, GroupShuffleSplit
from xgboost import XGBRegressor

from common import load_settings, seed_everything
from features import CAT, NUM, prepare

cfg = load_settings()
rng = seed_everything(cfg["seed"])

stays = pd.read_parquet(cfg["stays_path"])
stays = stays.dropna(subset=[cfg["target"]])
df = prepare(stays)
X, y, groups = df[CAT + NUM], df[cfg["target"]], df[cfg["group_col"]]

gss = GroupShuffleSplit(n_splits=1, test_size=cfg["test_fraction"], random_state=cfg["seed"])
tr_idx, te_idx = next(gss.split(X, y, groups))
X_tr, X_te, y_tr, y_te = X.iloc[tr_idx], X.iloc[te_idx], y.iloc[tr_idx], y.iloc[te_idx]
g_tr = groups.iloc[tr_idx]
assert not set(g_tr) & set(groups.iloc[te_idx])

xgb = XGBRegressor(**cfg["xgb_fixed"], tree_method="hist", enable_categorical=True,
                   random_state=cfg["seed"])
search = GridSearchCV(xgb, cfg["param_grid"], cv=GroupKFold(n_splits=cfg["cv_folds"]),
                      scoring="neg_mean_absolute_error", n_jobs=-1)
search.fit(X_tr, y_tr, groups=g_tr)
print("best:", search.best_params_, "CV MAE:", round(-search.best_score_, 3))

pred = np.clip(search.predict(X_te), 1, 10)
mae = mean_absolute_error(y_te, pred)

# bootstrap CI over guests in the test set
te = pd.DataFrame({"g": groups.iloc[te_idx].to_numpy(), "err": np.abs(y_te.to_numpy() - pred)})
per_guest = te.groupby("g")["err"].agg(["sum", "count"])
boot = []
for _ in range(cfg["bootstrap_rounds"]):
    s = per_guest.iloc[rng.integers(0, len(per_guest), len(per_guest))]
    boot.append(s["sum"].sum() / s["count"].sum())
lo, hi = np.percentile(boot, [2.5, 97.5])
print(f"test MAE {mae:.3f}  (95% CI {lo:.3f}-{hi:.3f})  baseline {mean_absolute_error(y_te, np.full(len(y_te), y_tr.mean())):.3f}")
