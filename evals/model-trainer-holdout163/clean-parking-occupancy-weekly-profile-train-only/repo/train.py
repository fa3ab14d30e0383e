import json
import sys
from pathlib import Path

import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_absolute_error
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from features import add_lags, attach_profile, load, weekly_profile

cfg = json.load(open(sys.argv[1] if len(sys.argv) > 1 else "config.json"))
out = Path(cfg["report_dir"])
out.mkdir(parents=True, exist_ok=True)

df = add_lags(load(cfg), cfg["horizon_steps"])

# data overview for the report, whole period
overview = df.groupby("district")["occ_rate"].describe(percentiles=[0.5, 0.9])
overview.to_csv(out / "occupancy_overview.csv")

cutoff = pd.Timestamp(cfg["test_start"])
train = df[df["timestamp"] < cutoff]
test = df[df["timestamp"] >= cutoff]

profile = weekly_profile(train)
train = attach_profile(train, profile)
test = attach_profile(test, profile)

num, cat = cfg["numeric"], cfg["categorical"]
pipe = Pipeline([
    ("prep", ColumnTransformer([
        ("num", StandardScaler(), num),
        ("cat", OneHotEncoder(handle_unknown="ignore"), cat),
    ])),
    ("ridge", Ridge(alpha=cfg["alpha"])),
])
pipe.fit(train[num + cat], train["target"])

pred = pipe.predict(test[num + cat]).clip(0, 1)
report = {
    "alpha": cfg["alpha"],
    "test_mae": mean_absolute_error(test["target"], pred),
    "test_mae_persistence": mean_absolute_error(test["target"], test["occ_now"]),
    "test_mae_profile": mean_absolute_error(test["target"], test["profile_occ"]),
}
print(json.dumps(report, indent=2))
(out / "metrics.json").write_text(json.dumps(report, indent=2))
