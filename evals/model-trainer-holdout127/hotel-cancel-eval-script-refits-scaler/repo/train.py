from pathlib import Path

import joblib
import pandas as pd
from sklearn.neural_network import MLPClassifier

from features import TARGET, build_matrix, clean

SEED = 17

raw = pd.read_csv("data/hotel_bookings.csv")
raw["arrival"] = pd.to_datetime(
    raw["arrival_date_year"].astype(str) + "-" + raw["arrival_date_month"] + "-1", format="%Y-%B-%d"
)
df = clean(raw)

train = df[df["arrival"] < "2017-04-01"]
test = df[df["arrival"] >= "2017-04-01"]
test.to_parquet("data/test_2017Q2.parquet")

X_train, scaler, encoder = build_matrix(train)
clf = MLPClassifier(
    hidden_layer_sizes=(128, 64),
    alpha=1e-4,
    batch_size=256,
    learning_rate_init=1e-3,
    early_stopping=True,
    validation_fraction=0.1,
    max_iter=200,
    random_state=SEED,
)
clf.fit(X_train, train[TARGET])
print("stopped after", clf.n_iter_, "epochs; best val acc", round(clf.best_validation_score_, 4))

Path("models").mkdir(exist_ok=True)
joblib.dump(clf, "models/cancel_mlp.joblib")
joblib.dump(encoder, "models/onehot.joblib")
