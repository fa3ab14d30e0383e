"""Feed-forward defect predictor for the NASA MDP PC4 module metrics (Keras)."""
import argparse

import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.metrics import classification_report, matthews_corrcoef, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import QuantileTransformer
from sklearn.utils.class_weight import compute_class_weight

p = argparse.ArgumentParser()
p.add_argument("--csv", default="data/nasa_mdp/PC4.csv")
p.add_argument("--seed", type=int, default=2023)
p.add_argument("--epochs", type=int, default=300)
args = p.parse_args()

tf.keras.utils.set_random_seed(args.seed)

df = pd.read_csv(args.csv).drop_duplicates()
y = df.pop("Defective").eq("Y").astype(int).to_numpy()
df = df.drop(columns=[c for c in df.columns if df[c].nunique() <= 1])
X = df.to_numpy(dtype="float32")
print(X.shape, "defect rate", y.mean().round(3))

X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=0.2, stratify=y, random_state=args.seed
)

qt = QuantileTransformer(n_quantiles=200, output_distribution="normal", random_state=args.seed)
X_train = qt.fit_transform(X_train)
X_test = qt.transform(X_test)

weights = compute_class_weight("balanced", classes=np.array([0, 1]), y=y_train)
class_weight = {0: weights[0], 1: weights[1]}

model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(X_train.shape[1],)),
    tf.keras.layers.Dense(64, activation="relu", kernel_regularizer=tf.keras.regularizers.l2(1e-4)),
    tf.keras.layers.Dropout(0.3),
    tf.keras.layers.Dense(32, activation="relu"),
    tf.keras.layers.Dropout(0.3),
    tf.keras.layers.Dense(1, activation="sigmoid"),
])
model.compile(optimizer=tf.keras.optimizers.Adam(1e-3), loss="binary_crossentropy",
              metrics=[tf.keras.metrics.AUC(name="auc")])

history = model.fit(
    X_train, y_train,
    validation_split=0.15,
    epochs=args.epochs,
    batch_size=64,
    class_weight=class_weight,
    callbacks=[tf.keras.callbacks.EarlyStopping(monitor="val_auc", mode="max", patience=25,
                                                restore_best_weights=True)],
    verbose=2,
)
print("stopped after", len(history.history["loss"]), "epochs")

proba = model.predict(X_test, verbose=0).ravel()
pred = (proba >= 0.5).astype(int)
print(f"test AUC {roc_auc_score(y_test, proba):.3f}  MCC {matthews_corrcoef(y_test, pred):.3f}")
print(classification_report(y_test, pred, target_names=["clean", "defective"], digits=3))
