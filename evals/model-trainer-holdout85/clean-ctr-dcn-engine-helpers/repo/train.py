import argparse
import tomllib

import numpy as np
import pandas as pd
import torch
from sklearn.metrics import log_loss, roc_auc_score
from torch.utils.data import DataLoader, TensorDataset

from ctrlib.engine import evaluate, train_one_epoch
from ctrlib.model import DCN
from ctrlib.utils import EarlyStopper, seed_everything


def encode(frame, cat_cols, num_cols, vocab, mu, sigma):
    x_cat = np.stack([frame[c].map(vocab[c]).fillna(0).to_numpy(np.int64) for c in cat_cols], axis=1)
    x_num = ((frame[num_cols] - mu) / sigma).to_numpy(np.float32)
    y = frame["clicked"].to_numpy(np.float32)
    return TensorDataset(torch.from_numpy(x_cat), torch.from_numpy(x_num), torch.from_numpy(y))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.toml")
    args = parser.parse_args()
    with open(args.config, "rb") as fh:
        cfg = tomllib.load(fh)
    dcfg, mcfg, tcfg = cfg["data"], cfg["model"], cfg["train"]
    seed_everything(tcfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    imps = pd.read_parquet(dcfg["path"])
    day = imps["event_ts"].dt.strftime("%Y-%m-%d")
    train_df = imps[(day >= dcfg["train_days"][0]) & (day <= dcfg["train_days"][1])]
    valid_df, test_df = imps[day == dcfg["valid_day"]], imps[day == dcfg["test_day"]]

    cat_cols, num_cols = dcfg["categorical"], dcfg["numeric"]
    vocab = {c: {v: i + 1 for i, v in enumerate(train_df[c].unique())} for c in cat_cols}
    mu, sigma = train_df[num_cols].mean(), train_df[num_cols].std() + 1e-6
    train_ds, valid_ds, test_ds = (
        encode(df, cat_cols, num_cols, vocab, mu, sigma) for df in (train_df, valid_df, test_df)
    )
    train_loader = DataLoader(train_ds, batch_size=tcfg["batch_size"], shuffle=True, drop_last=True)
    valid_loader = DataLoader(valid_ds, batch_size=tcfg["batch_size"] * 4)
    test_loader = DataLoader(test_ds, batch_size=tcfg["batch_size"] * 4)

    model = DCN([len(vocab[c]) for c in cat_cols], len(num_cols), mcfg["emb_dim"],
                mcfg["cross_layers"], mcfg["hidden"], mcfg["dropout"]).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=tcfg["lr"], weight_decay=tcfg["weight_decay"])
    criterion = torch.nn.BCEWithLogitsLoss()
    stopper = EarlyStopper(tcfg["patience"], tcfg["checkpoint"])

    for epoch in range(tcfg["epochs"]):
        train_loss = train_one_epoch(model, train_loader, optimizer, criterion, device)
        val = evaluate(model, valid_loader, device)
        print(f"epoch {epoch:02d} train_loss={train_loss:.4f} val_auc={val['auc']:.4f} val_logloss={val['logloss']:.4f}")
        if stopper.step(val["logloss"], model):
            break

    model.load_state_dict(torch.load(tcfg["checkpoint"], map_location=device))
    test = evaluate(model, test_loader, device)

    y_test = test_df["clicked"].to_numpy()
    const = np.full(len(y_test), train_df["clicked"].mean())
    hist_ctr = train_df.groupby("creative_id")["clicked"].mean()
    creative_ctr = test_df["creative_id"].map(hist_ctr).fillna(train_df["clicked"].mean()).clip(1e-6, 1 - 1e-6)
    print(f"constant CTR      logloss={log_loss(y_test, const):.4f}")
    print(f"creative hist CTR logloss={log_loss(y_test, creative_ctr):.4f} auc={roc_auc_score(y_test, creative_ctr):.4f}")
    print(f"DCN               logloss={test['logloss']:.4f} auc={test['auc']:.4f}")


if __name__ == "__main__":
    main()
