"""Out-of-fold blend of three price models for used-car listings (target: log price)."""
import numpy as np
import pandas as pd
from lightgbm import LGBMRegressor
from scipy.optimize import nnls
from sklearn.compose import make_column_transformer
from sklearn.dummy import DummyRegressor
from sklearn.ensemble import HistGradientBoostingRegressor
from sklearn.linear_model import RidgeCV
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import KFold, cross_val_predict, train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, SplineTransformer, StandardScaler, TargetEncoder

SEED = 404
HIGH_CARD = ["make_model", "trim", "dealer_id"]
LOW_CARD = ["fuel", "gearbox", "body_type", "seller_type"]
NUMERIC = ["age_years", "mileage_km", "engine_kw", "n_owners", "doors"]

listings = pd.read_parquet("data/car_listings.parquet")
listings = listings[(listings["price_eur"] > 500) & (listings["mileage_km"] < 1_000_000)]
y = np.log(listings["price_eur"].to_numpy())
X = listings[HIGH_CARD + LOW_CARD + NUMERIC].copy()
X[HIGH_CARD + LOW_CARD] = X[HIGH_CARD + LOW_CARD].astype(str)

X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=SEED)


def tree_features():
    return make_column_transformer(
        (TargetEncoder(target_type="continuous", cv=5, shuffle=True, random_state=SEED), HIGH_CARD),
        (OneHotEncoder(handle_unknown="ignore", sparse_output=False), LOW_CARD),
        remainder="passthrough",
    )


ridge_features = make_column_transformer(
    (TargetEncoder(target_type="continuous", random_state=SEED), HIGH_CARD),
    (OneHotEncoder(handle_unknown="ignore"), LOW_CARD),
    (make_pipeline(SplineTransformer(n_knots=6), StandardScaler()), NUMERIC),
)
base_models = {
    "hgb": make_pipeline(
        tree_features(),
        HistGradientBoostingRegressor(max_iter=600, learning_rate=0.05, random_state=SEED),
    ),
    "lgbm": make_pipeline(
        tree_features(),
        LGBMRegressor(n_estimators=1200, learning_rate=0.03, num_leaves=63, subsample=0.8,
                      subsample_freq=1, random_state=SEED, verbose=-1),
    ),
    "ridge": make_pipeline(ridge_features, RidgeCV(alphas=np.logspace(-2, 3, 12))),
}

kf = KFold(n_splits=5, shuffle=True, random_state=SEED)
oof = np.column_stack([
    cross_val_predict(model, X_train, y_train, cv=kf, n_jobs=-1) for model in base_models.values()
])
weights, _ = nnls(oof, y_train)
weights = weights / weights.sum()
print("blend weights (from OOF):", dict(zip(base_models, weights.round(3))))
for i, name in enumerate(base_models):
    print(f"  OOF MAE {name:>5}: {mean_absolute_error(y_train, oof[:, i]):.4f}")
print(f"  OOF MAE blend: {mean_absolute_error(y_train, oof @ weights):.4f}")

test_preds = np.column_stack([m.fit(X_train, y_train).predict(X_test) for m in base_models.values()])
blend = test_preds @ weights
median_baseline = DummyRegressor(strategy="median").fit(X_train, y_train).predict(X_test)


def report(name, pred_log):
    price_true, price_pred = np.exp(y_test), np.exp(pred_log)
    return {
        "model": name,
        "mae_eur": mean_absolute_error(price_true, price_pred),
        "rmse_log": float(np.sqrt(mean_squared_error(y_test, pred_log))),
        "r2_log": r2_score(y_test, pred_log),
    }


rows = [report(n, test_preds[:, i]) for i, n in enumerate(base_models)]
rows += [report("blend", blend), report("median", median_baseline)]
print(pd.DataFrame(rows).set_index("model").round(4))
