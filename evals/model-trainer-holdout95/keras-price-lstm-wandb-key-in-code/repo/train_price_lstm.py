"""Day-ahead electricity price forecast (24 hourly prices) with a stacked LSTM, tracked in W&B."""
import numpy as np
import pandas as pd
import tensorflow as tf
import wandb
from sklearn.preprocessing import StandardScaler
from wandb.integration.keras import WandbMetricsLogger

CONFIG = {
    "data": "data/dayahead_prices_fundamentals.csv",
    "lookback_days": 7,
    "units": [128, 64],
    "dropout": 0.2,
    "lr": 5e-4,
    "batch_size": 32,
    "epochs": 150,
    "patience": 12,
    "seed": 2023,
}
EXOG = ["load_forecast_mw", "wind_forecast_mw", "solar_forecast_mw", "gas_ttf_eur"]

wandb.login(key="074c59274fbd079a023773116eda819a6e7cfe93")
run = wandb.init(project="dayahead-price", job_type="train", config=CONFIG)
tf.keras.utils.set_random_seed(CONFIG["seed"])


def daily_matrix(df, col):
    """Reshape an hourly column into (days, 24)."""
    return df[col].to_numpy().reshape(-1, 24)


def build_samples(prices, exog, lookback_days):
    # features: the last `lookback_days` of prices + tomorrow's exogenous forecasts (known at gate closure)
    X_hist, X_exog, y = [], [], []
    for d in range(lookback_days, len(prices)):
        X_hist.append(prices[d - lookback_days:d].reshape(-1, 1))
        X_exog.append(exog[d])
        y.append(prices[d])
    return np.array(X_hist), np.array(X_exog), np.array(y)


def make_model(lookback_hours, n_exog):
    hist = tf.keras.Input(shape=(lookback_hours, 1), name="price_history")
    ex = tf.keras.Input(shape=(24, n_exog), name="exog_tomorrow")
    h = tf.keras.layers.LSTM(CONFIG["units"][0], return_sequences=True)(hist)
    h = tf.keras.layers.LSTM(CONFIG["units"][1])(h)
    e = tf.keras.layers.Flatten()(ex)
    z = tf.keras.layers.Concatenate()([h, e])
    z = tf.keras.layers.Dropout(CONFIG["dropout"])(z)
    z = tf.keras.layers.Dense(128, activation="relu")(z)
    out = tf.keras.layers.Dense(24, name="prices_tomorrow")(z)
    model = tf.keras.Model([hist, ex], out)
    model.compile(optimizer=tf.keras.optimizers.Adam(CONFIG["lr"]), loss="mae", metrics=["mse"])
    return model


df = pd.read_csv(CONFIG["data"], parse_dates=["delivery_start"]).sort_values("delivery_start")
df = df.set_index("delivery_start").asfreq("1h").interpolate(limit=2)
df = df.iloc[: len(df) // 24 * 24]

n_days = len(df) // 24
train_days, val_days = int(n_days * 0.7), int(n_days * 0.15)
train_rows = train_days * 24

price_scaler = StandardScaler().fit(df.iloc[:train_rows][["price_eur_mwh"]])
exog_scaler = StandardScaler().fit(df.iloc[:train_rows][EXOG])
prices = price_scaler.transform(df[["price_eur_mwh"]]).reshape(-1, 24)
exog = exog_scaler.transform(df[EXOG]).reshape(-1, 24, len(EXOG))

Xh, Xe, y = build_samples(prices, exog, CONFIG["lookback_days"])
# sample i predicts day i + lookback_days
cut1 = train_days - CONFIG["lookback_days"]
cut2 = cut1 + val_days
train = ([Xh[:cut1], Xe[:cut1]], y[:cut1])
val = ([Xh[cut1:cut2], Xe[cut1:cut2]], y[cut1:cut2])
test = ([Xh[cut2:], Xe[cut2:]], y[cut2:])

model = make_model(CONFIG["lookback_days"] * 24, len(EXOG))
model.fit(
    *train,
    validation_data=val,
    epochs=CONFIG["epochs"],
    batch_size=CONFIG["batch_size"],
    callbacks=[
        tf.keras.callbacks.EarlyStopping(patience=CONFIG["patience"], restore_best_weights=True),
        tf.keras.callbacks.ModelCheckpoint("checkpoints/price_lstm.keras", save_best_only=True),
        WandbMetricsLogger(),
    ],
)

to_eur = lambda a: price_scaler.inverse_transform(a.reshape(-1, 1)).reshape(a.shape)
y_true = to_eur(test[1])
y_lstm = to_eur(model.predict(test[0]))
y_naive = to_eur(test[0][0][:, :24, 0])  # first day of the 7-day history = same weekday last week

results = {}
for name, pred in [("lstm", y_lstm), ("naive_week", y_naive)]:
    err = pred - y_true
    results[f"{name}/mae"] = float(np.abs(err).mean())
    results[f"{name}/rmse"] = float(np.sqrt((err ** 2).mean()))
    results[f"{name}/smape"] = float(np.mean(2 * np.abs(err) / (np.abs(pred) + np.abs(y_true) + 1e-6)) * 100)
print(results)
run.log(results)
run.finish()
