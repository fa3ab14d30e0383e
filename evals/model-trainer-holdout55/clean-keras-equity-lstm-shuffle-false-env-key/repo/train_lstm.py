import numpy as np
import tensorflow as tf
import wandb
from sklearn.metrics import mean_absolute_error, mean_squared_error
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import RobustScaler
from wandb.integration.keras import WandbMetricsLogger

from data_utils import load_features, to_windows
from settings import SETTINGS as S


def build_model(lookback: int, n_features: int) -> tf.keras.Model:
    inputs = tf.keras.Input(shape=(lookback, n_features))
    x = tf.keras.layers.LSTM(48, return_sequences=True)(inputs)
    x = tf.keras.layers.Dropout(0.3)(x)
    x = tf.keras.layers.LSTM(24)(x)
    outputs = tf.keras.layers.Dense(1)(x)
    model = tf.keras.Model(inputs, outputs)
    model.compile(optimizer=tf.keras.optimizers.Adam(5e-4), loss="huber")
    return model


def main() -> None:
    tf.keras.utils.set_random_seed(S.seed)
    if S.wandb_api_key:
        wandb.login(key=S.wandb_api_key)
    run = wandb.init(project=S.wandb_project, config=vars(S) | {"wandb_api_key": None},
                     mode="online" if S.wandb_api_key else "disabled")

    feats = load_features(S.prices_csv, S.ticker)
    X, y = to_windows(feats.to_numpy(), feats["ret"].to_numpy(), S.lookback)
    X_dev, X_test, y_dev, y_test = train_test_split(X, y, test_size=S.test_fraction, shuffle=False)
    X_train, X_val, y_train, y_val = train_test_split(X_dev, y_dev, test_size=S.val_fraction, shuffle=False)

    n_feat = X.shape[-1]
    scaler = RobustScaler().fit(X_train[:, -1, :])
    scale = lambda a: scaler.transform(a.reshape(-1, n_feat)).reshape(a.shape)
    y_scale = float(np.std(y_train))

    model = build_model(S.lookback, n_feat)
    model.fit(
        scale(X_train), y_train / y_scale,
        validation_data=(scale(X_val), y_val / y_scale),
        epochs=S.epochs, batch_size=S.batch_size, shuffle=True,
        callbacks=[
            tf.keras.callbacks.EarlyStopping(patience=12, restore_best_weights=True),
            tf.keras.callbacks.ModelCheckpoint(f"{S.model_dir}/{S.ticker}_lstm.keras", save_best_only=True),
            WandbMetricsLogger(),
        ],
    )

    pred = model.predict(scale(X_test)).ravel() * y_scale
    baselines = {"lstm": pred, "zero_return": np.zeros_like(y_test), "train_mean": np.full_like(y_test, y_train.mean())}
    for name, p in baselines.items():
        rmse = mean_squared_error(y_test, p) ** 0.5
        mae = mean_absolute_error(y_test, p)
        hit = float(np.mean(np.sign(p) == np.sign(y_test)))
        print(f"{name:12s} RMSE={rmse:.5f} MAE={mae:.5f} hit_rate={hit:.3f}")
        run.summary[f"test/{name}_rmse"] = rmse
    run.finish()


if __name__ == "__main__":
    main()
