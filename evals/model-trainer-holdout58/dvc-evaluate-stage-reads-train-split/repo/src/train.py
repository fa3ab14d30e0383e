"""Fit the CatBoost default model on the training split."""
from __future__ import annotations

from pathlib import Path

from catboost import CatBoostClassifier

from common import load_params, load_split, xy


def main() -> None:
    params = load_params()
    tp = params["train"]
    frame = load_split(params["data"]["processed_dir"], "train")
    X, y = xy(frame, params["data"]["target"])

    model = CatBoostClassifier(
        iterations=tp["iterations"],
        learning_rate=tp["learning_rate"],
        depth=tp["depth"],
        l2_leaf_reg=tp["l2_leaf_reg"],
        cat_features=tp["cat_features"],
        auto_class_weights="Balanced",
        random_seed=params["seed"],
        verbose=200,
    )
    model.fit(X, y)

    out = Path(params["model_path"])
    out.parent.mkdir(parents=True, exist_ok=True)
    model.save_model(str(out))


if __name__ == "__main__":
    main()
