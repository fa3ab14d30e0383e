"""Sale price model for NYC 1-3 family homes and condos (DOF rolling sales, 2016-2017)."""
import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.metrics import mean_absolute_percentage_error, median_absolute_error
from sklearn.model_selection import train_test_split
from sklearn.utils import resample

SEED = 2024
LUXURY_THRESHOLD = 3_000_000
UPSAMPLE_FACTOR = 4

sales = pd.read_csv("data/nyc-rolling-sales.csv")
sales.columns = sales.columns.str.strip().str.lower().str.replace(" ", "_")
for c in ["sale_price", "gross_square_feet", "land_square_feet"]:
    sales[c] = pd.to_numeric(sales[c].astype(str).str.replace(",", ""), errors="coerce")

keep = sales["building_class_category"].str.contains("ONE FAMILY|TWO FAMILY|THREE FAMILY|CONDOS", na=False)
sales = sales[keep & (sales["sale_price"] > 100_000) & (sales["gross_square_feet"] > 300)].copy()
sales = sales[sales["year_built"] > 1800]

sales["age"] = 2017 - sales["year_built"]
sales["log_gsf"] = np.log(sales["gross_square_feet"])
sales["log_lsf"] = np.log1p(sales["land_square_feet"].fillna(0))
sales["borough"] = sales["borough"].astype("category")
sales["bldg_class"] = sales["building_class_at_time_of_sale"].astype("category")
sales["zip_code"] = sales["zip_code"].astype(str).astype("category")

# luxury sales are ~3% of rows and the model badly underprices them -> upsample
lux = sales[sales["sale_price"] >= LUXURY_THRESHOLD]
rest = sales[sales["sale_price"] < LUXURY_THRESHOLD]
lux_up = resample(lux, replace=True, n_samples=len(lux) * UPSAMPLE_FACTOR, random_state=SEED)
data = pd.concat([rest, lux_up]).sample(frac=1.0, random_state=SEED)

features = ["borough", "zip_code", "bldg_class", "residential_units", "commercial_units",
            "log_gsf", "log_lsf", "age"]
X = data[features]
y = np.log(data["sale_price"])
X_tmp, X_test, y_tmp, y_test = train_test_split(X, y, test_size=0.2, random_state=SEED)
X_train, X_val, y_train, y_val = train_test_split(X_tmp, y_tmp, test_size=0.15, random_state=SEED)

model = xgb.XGBRegressor(
    n_estimators=3000, learning_rate=0.03, max_depth=8, subsample=0.8, colsample_bytree=0.8,
    min_child_weight=3, tree_method="hist", enable_categorical=True,
    early_stopping_rounds=100, random_state=SEED,
)
model.fit(X_train, y_train, eval_set=[(X_val, y_val)], verbose=250)

pred = np.exp(model.predict(X_test))
truth = np.exp(y_test)
is_lux = truth >= LUXURY_THRESHOLD
print(f"test MAPE overall : {mean_absolute_percentage_error(truth, pred):.3f}")
print(f"test MAPE luxury  : {mean_absolute_percentage_error(truth[is_lux], pred[is_lux]):.3f}")
print(f"test median AE    : ${median_absolute_error(truth, pred):,.0f}")
model.save_model("nyc_price_xgb.json")
