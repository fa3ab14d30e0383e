import argparse

import joblib
import numpy as np
from sklearn.linear_model import ElasticNetCV
from sklearn.metrics import mean_absolute_error, r2_score
from sklearn.model_selection import KFold, train_test_split

from prep import load_checkins, prepare

ap = argparse.ArgumentParser()
ap.add_argument("--data", default="data/midyear_checkins_2023.csv")
ap.add_argument("--seed", type=int, default=8)
args = ap.parse_args()

df = load_checkins(args.data)
X, y = prepare(df)
print(X.shape)

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=args.seed)

model = ElasticNetCV(
    l1_ratio=[0.1, 0.3, 0.5, 0.7, 0.9, 1.0],
    n_alphas=60,
    cv=KFold(5, shuffle=True, random_state=args.seed),
    max_iter=20000,
    random_state=args.seed,
)
model.fit(X_train, y_train)
print(f"alpha={model.alpha_:.4g} l1_ratio={model.l1_ratio_}")

pred = np.clip(model.predict(X_test), 1.0, 5.0)
baseline = np.full_like(y_test, y_train.mean())
print(f"test MAE {mean_absolute_error(y_test, pred):.3f} (baseline {mean_absolute_error(y_test, baseline):.3f})")
print(f"test R2  {r2_score(y_test, pred):.3f}")

coefs = sorted(zip(X.columns, model.coef_), key=lambda t: -abs(t[1]))[:12]
for name, c in coefs:
    print(f"{name:32s} {c:+.3f}")

joblib.dump(model, "models/yearend_score_enet.joblib")
