import joblib
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import StandardScaler

from common import load

SEED = 31

X_train, y_train = load("data/train.csv")
print(f"{len(y_train)} invoices, {y_train.mean():.3%} confirmed TBML")

scaler = StandardScaler()
X_train_s = scaler.fit_transform(X_train)

mlp = MLPClassifier(
    hidden_layer_sizes=(64, 32),
    alpha=1e-3,
    learning_rate_init=1e-3,
    batch_size=256,
    max_iter=300,
    early_stopping=True,
    validation_fraction=0.15,
    n_iter_no_change=15,
    random_state=SEED,
)
mlp.fit(X_train_s, y_train)
print("stopped after", mlp.n_iter_, "epochs; best val acc", max(mlp.validation_scores_))

joblib.dump({"scaler": scaler, "model": mlp}, "tbml_mlp.joblib")
