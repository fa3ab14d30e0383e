"""Bank churn (Playground S4E1) with a Keras model whose preprocessing layers are adapted on the training split."""
import numpy as np
import pandas as pd
import tensorflow as tf
from sklearn.compose import make_column_transformer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import average_precision_score, f1_score, roc_auc_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import OneHotEncoder, StandardScaler
from tensorflow import keras

SEED = 2718
NUMERIC = ["CreditScore", "Age", "Tenure", "Balance", "NumOfProducts", "HasCrCard",
           "IsActiveMember", "EstimatedSalary"]
CATEGORICAL = ["Geography", "Gender"]
keras.utils.set_random_seed(SEED)


def to_inputs(df):
    inputs = {"numeric": df[NUMERIC].to_numpy(np.float32)}
    inputs.update({c: df[c].to_numpy(str)[:, None] for c in CATEGORICAL})
    return inputs


def build_model(train_inputs):
    norm = keras.layers.Normalization(name="norm")
    norm.adapt(train_inputs["numeric"])
    num_in = keras.Input(shape=(len(NUMERIC),), name="numeric")
    parts, model_inputs = [norm(num_in)], [num_in]
    for col in CATEGORICAL:
        lookup = keras.layers.StringLookup(output_mode="one_hot", name=f"{col}_lookup")
        lookup.adapt(train_inputs[col])
        cat_in = keras.Input(shape=(1,), dtype="string", name=col)
        parts.append(lookup(cat_in))
        model_inputs.append(cat_in)
    x = keras.layers.Concatenate()(parts)
    for units in (128, 64):
        x = keras.layers.Dense(units, activation="relu")(x)
        x = keras.layers.Dropout(0.25)(x)
    out = keras.layers.Dense(1, activation="sigmoid")(x)
    model = keras.Model(model_inputs, out)
    model.compile(optimizer=keras.optimizers.Adam(1e-3), loss="binary_crossentropy",
                  metrics=[keras.metrics.AUC(name="auc"), keras.metrics.AUC(curve="PR", name="pr_auc")])
    return model


def f1_threshold(y, p):
    grid = np.linspace(0.05, 0.95, 91)
    return float(grid[np.argmax([f1_score(y, p >= t) for t in grid])])


def main():
    df = pd.read_csv("data/train.csv")
    dev, test = train_test_split(df, test_size=0.2, stratify=df["Exited"], random_state=SEED)
    train, valid = train_test_split(dev, test_size=0.2, stratify=dev["Exited"], random_state=SEED)
    y_train, y_valid, y_test = (d["Exited"].to_numpy() for d in (train, valid, test))

    train_in, valid_in, test_in = to_inputs(train), to_inputs(valid), to_inputs(test)
    model = build_model(train_in)
    callbacks = [
        keras.callbacks.EarlyStopping(monitor="val_auc", mode="max", patience=8, restore_best_weights=True),
        keras.callbacks.ModelCheckpoint("churn_keras.keras", monitor="val_auc", mode="max", save_best_only=True),
        keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=3),
    ]
    model.fit(train_in, y_train, validation_data=(valid_in, y_valid), epochs=100, batch_size=512,
              callbacks=callbacks, verbose=2)

    pre = make_column_transformer((StandardScaler(), NUMERIC), (OneHotEncoder(handle_unknown="ignore"), CATEGORICAL))
    logreg = LogisticRegression(max_iter=2000).fit(pre.fit_transform(train), y_train)

    preds = {
        "logreg": (logreg.predict_proba(pre.transform(valid))[:, 1], logreg.predict_proba(pre.transform(test))[:, 1]),
        "keras_mlp": (model.predict(valid_in, verbose=0).ravel(), model.predict(test_in, verbose=0).ravel()),
    }
    for name, (p_valid, p_test) in preds.items():
        thr = f1_threshold(y_valid, p_valid)
        print(f"{name:>9}: AUC {roc_auc_score(y_test, p_test):.4f}  PR-AUC {average_precision_score(y_test, p_test):.4f}  "
              f"F1@{thr:.2f} {f1_score(y_test, p_test >= thr):.4f}")


if __name__ == "__main__":
    main()
