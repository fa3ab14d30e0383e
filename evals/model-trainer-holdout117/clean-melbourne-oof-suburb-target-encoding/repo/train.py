import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_percentage_error, mean_squared_error
from sklearn.model_selection import train_test_split

from encoding import encode_with_train, oof_encode

SEED = 99
TE_COLS = ["Suburb", "Postcode", "SellerG"]
NUM = ["Rooms", "Distance", "Bathroom", "Car", "Landsize", "BuildingArea", "YearBuilt",
       "Lattitude", "Longtitude", "Propertycount"]
CAT = ["Type", "Method", "Regionname"]

df = pd.read_csv("data/melb_data.csv")
df["Postcode"] = df["Postcode"].astype(int).astype(str)
df["log_price"] = np.log(df["Price"])
for c in CAT:
    df[c] = df[c].astype("category")

train, test = train_test_split(df, test_size=0.2, random_state=SEED)
train, val = train_test_split(train, test_size=0.15, random_state=SEED)

for c in TE_COLS:
    te = f"{c}_te"
    train[te] = oof_encode(train[c], train["log_price"], seed=SEED)
    val[te] = encode_with_train(train[c], train["log_price"], val[c])
    test[te] = encode_with_train(train[c], train["log_price"], test[c])

features = NUM + CAT + [f"{c}_te" for c in TE_COLS]
model = lgb.LGBMRegressor(
    n_estimators=5000, learning_rate=0.02, num_leaves=31, min_child_samples=20,
    subsample=0.8, subsample_freq=1, colsample_bytree=0.8, random_state=SEED, verbose=-1,
)
model.fit(
    train[features], train["log_price"],
    eval_set=[(val[features], val["log_price"])],
    callbacks=[lgb.early_stopping(200, verbose=False)],
)
print(f"best iteration: {model.best_iteration_}")

pred = model.predict(test[features], num_iteration=model.best_iteration_)
print(f"test RMSE(log): {mean_squared_error(test['log_price'], pred, squared=False):.4f}")
print(f"test MAPE:      {mean_absolute_percentage_error(test['Price'], np.exp(pred)):.3f}")

imp = pd.Series(model.booster_.feature_importance("gain"), index=features)
print((imp / imp.sum()).sort_values(ascending=False).head(10).round(3).to_string())
