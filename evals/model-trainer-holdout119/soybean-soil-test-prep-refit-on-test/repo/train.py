import json

import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_squared_error, r2_score
from sklearn.model_selection import GroupShuffleSplit
from sklearn.svm import SVR

from preprocess import prepare

params = json.load(open("params.json"))
df = pd.read_csv(params["data_path"])
df = df.dropna(subset=[params["target"]])
print(f"{len(df)} field-years, {df[params['group']].nunique()} farms")

# hold out whole farms so the score reflects new growers
gss = GroupShuffleSplit(n_splits=1, test_size=params["test_size"], random_state=params["seed"])
train_idx, test_idx = next(gss.split(df, groups=df[params["group"]]))
train_df, test_df = df.iloc[train_idx], df.iloc[test_idx]

X_train = prepare(train_df)
X_test = prepare(test_df)
y_train = train_df[params["target"]].values
y_test = test_df[params["target"]].values

model = SVR(**params["svr"])
model.fit(X_train, y_train)
pred = model.predict(X_test)

baseline = np.full_like(y_test, y_train.mean(), dtype=float)
print(f"baseline MAE {mean_absolute_error(y_test, baseline):.2f}")
print(f"SVR      MAE {mean_absolute_error(y_test, pred):.2f}  "
      f"RMSE {mean_squared_error(y_test, pred) ** 0.5:.2f}  R2 {r2_score(y_test, pred):.3f}")

out = test_df[["farm_id", "field_id", "year"]].assign(obs=y_test, pred=pred)
out.to_csv("svr_test_predictions.csv", index=False)
