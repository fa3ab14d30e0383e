import joblib
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.preprocessing import StandardScaler

from pricing.design import COLUMNS, build, split_by_week

CUTOFF = "2024-02-05"

panel = pd.read_parquet("data/csd_store_upc_weekly.parquet")
panel["week_start"] = pd.to_datetime(panel["week_start"])
panel = build(panel)
train, test = split_by_week(panel, CUTOFF)
test.to_parquet("data/csd_holdout.parquet")

scaler = StandardScaler()
X_train = scaler.fit_transform(train[COLUMNS])

ridge = Ridge(alpha=3.0)
ridge.fit(X_train, train["log_units"])

coefs = pd.Series(ridge.coef_ / scaler.scale_, index=COLUMNS)
print(coefs.loc[["log_price", "log_price_cola_comp", "log_price_private_label", "log_price_energy"]].round(3))

joblib.dump(scaler, "artifacts/scaler.joblib")
joblib.dump(ridge, "artifacts/ridge_elasticity.joblib")
coefs.to_csv("artifacts/elasticities.csv")
