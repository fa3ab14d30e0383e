"""ETA model for completed rides: MLP on geo/time features, log-duration target."""
import joblib
import numpy as np
import pandas as pd
from sklearn.metrics import mean_absolute_error, mean_absolute_percentage_error
from sklearn.neural_network import MLPRegressor

from preprocess import make_design_matrix

rides = pd.read_parquet("data/completed_rides.parquet")
rides["request_ts"] = pd.to_datetime(rides["request_ts"])
rides = rides[(rides.actual_duration_s > 60) & (rides.actual_duration_s < 3 * 3600)]

# last two weeks held out
cutoff = rides.request_ts.max() - pd.Timedelta(days=14)
train_df = rides[rides.request_ts <= cutoff]
test_df = rides[rides.request_ts > cutoff]

X_train, y_train, scaler = make_design_matrix(train_df)
X_test, y_test, _ = make_design_matrix(test_df)

mlp = MLPRegressor(
    hidden_layer_sizes=(128, 64),
    alpha=1e-4,
    batch_size=512,
    learning_rate_init=1e-3,
    max_iter=60,
    random_state=42,
)
mlp.fit(X_train, y_train)

eta_true = np.expm1(y_test)
eta_pred = np.expm1(mlp.predict(X_test))
print(f"test MAE  : {mean_absolute_error(eta_true, eta_pred):.1f} s")
print(f"test MAPE : {mean_absolute_percentage_error(eta_true, eta_pred):.3f}")

joblib.dump({"model": mlp, "scaler": scaler}, "artifacts/eta_mlp.joblib")
