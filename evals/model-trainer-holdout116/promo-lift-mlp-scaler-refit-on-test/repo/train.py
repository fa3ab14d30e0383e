import joblib
import numpy as np
from sklearn.neural_network import MLPRegressor

from prep import build_preprocessor, load_cfg, load_events, split_by_time


def main():
    cfg = load_cfg()
    ev = load_events(cfg)
    train, _ = split_by_time(ev, cfg)
    print(f"training on {len(train)} promo events before {cfg['cutoff']}")

    pre = build_preprocessor(cfg)
    X_tr = pre.fit_transform(train)
    mlp_cfg = dict(cfg["mlp"], hidden_layer_sizes=tuple(cfg["mlp"]["hidden_layer_sizes"]))
    model = MLPRegressor(**mlp_cfg)
    model.fit(X_tr, train["log_lift"].values)
    print(f"best internal validation R2: {model.best_validation_score_:.3f}")
    joblib.dump(model, cfg["model_path"])


if __name__ == "__main__":
    main()
