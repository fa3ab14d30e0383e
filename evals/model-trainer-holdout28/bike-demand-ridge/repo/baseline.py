# Bike sharing demand -- quick Ridge baseline before trying boosting.
# Kaggle "bike-sharing-demand": train.csv has count, test.csv does not.
import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.metrics import mean_squared_log_error, mean_absolute_error
from sklearn.preprocessing import StandardScaler

NUM_COLS = ["temp", "atemp", "humidity", "windspeed"]
CAT_COLS = ["season", "weather", "hour", "weekday", "workingday", "holiday"]


def featurize(frame):
    frame = frame.copy()
    dt = pd.to_datetime(frame["datetime"])
    frame["hour"] = dt.dt.hour
    frame["weekday"] = dt.dt.weekday
    frame["year"] = dt.dt.year - 2011
    frame["day"] = dt.dt.day
    return frame


def to_matrix(frame, columns=None):
    scaler = StandardScaler()
    num = pd.DataFrame(scaler.fit_transform(frame[NUM_COLS]), columns=NUM_COLS, index=frame.index)
    cat = pd.get_dummies(frame[CAT_COLS].astype(str))
    out = pd.concat([num, cat, frame[["year"]]], axis=1)
    if columns is not None:
        out = out.reindex(columns=columns, fill_value=0)
    return out


train = featurize(pd.read_csv("input/train.csv"))
test = featurize(pd.read_csv("input/test.csv"))

# Kaggle's test set is days 20-end of each month, so validate on days 16-19
is_val = train["day"] >= 16
fit_part, val_part = train[~is_val], train[is_val]

X_fit = to_matrix(fit_part)
X_val = to_matrix(val_part, columns=X_fit.columns)
X_sub = to_matrix(test, columns=X_fit.columns)
y_fit, y_val = np.log1p(fit_part["count"]), val_part["count"]

print("median baseline RMSLE", mean_squared_log_error(y_val, np.full(len(y_val), fit_part["count"].median())) ** 0.5)
for alpha in [0.1, 1.0, 10.0]:
    ridge = Ridge(alpha=alpha).fit(X_fit, y_fit)
    pred = np.clip(np.expm1(ridge.predict(X_val)), 0, None)
    print(f"alpha={alpha:<5} RMSLE {mean_squared_log_error(y_val, pred) ** 0.5:.4f}  MAE {mean_absolute_error(y_val, pred):.1f}")

final = Ridge(alpha=1.0).fit(X_fit, y_fit)
sub = pd.DataFrame({"datetime": test["datetime"], "count": np.clip(np.expm1(final.predict(X_sub)), 0, None)})
sub.to_csv("submission.csv", index=False)
