"""DCN-v2 install-CTR model trained on the impression dataset hosted on the HF Hub."""
import os
import random
import tomllib

import numpy as np
import pandas as pd
import torch
import torch.nn.functional as F
import wandb
from datasets import load_dataset
from sklearn.metrics import log_loss, roc_auc_score
from torch.utils.data import DataLoader, TensorDataset

from dcn.features import NumericScaler, Vocab
from dcn.model import DCNv2


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def loader(cat, num, y, batch_size, shuffle):
    ds = TensorDataset(torch.as_tensor(cat), torch.as_tensor(num), torch.as_tensor(y, dtype=torch.float32))
    return DataLoader(ds, batch_size=batch_size, shuffle=shuffle)


@torch.no_grad()
def predict(model, dl, device):
    model.eval()
    return np.concatenate([torch.sigmoid(model(c.to(device), n.to(device))).cpu().numpy() for c, n, _ in dl])


def main(cfg):
    dcfg, tcfg = cfg["data"], cfg["train"]
    seed_all(tcfg["seed"])
    wandb.login(key=os.environ[cfg["tracking"]["api_key_env"]])
    run = wandb.init(project=cfg["tracking"]["wandb_project"], entity=cfg["tracking"]["wandb_entity"], config=cfg)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    ds = load_dataset(dcfg["hf_dataset"], revision=dcfg["hf_revision"], split="train",
                      token=os.environ.get(dcfg["hf_token_env"]))
    df = ds.to_pandas()
    df["day"] = pd.to_datetime(df["event_time"]).dt.strftime("%Y-%m-%d")
    train = df[df["day"] < dcfg["valid_day"]]
    valid = df[df["day"] == dcfg["valid_day"]]
    test = df[df["day"] == dcfg["test_day"]]

    vocab = Vocab(dcfg["min_count"]).fit(train, dcfg["categorical"])
    scaler = NumericScaler().fit(train, dcfg["numeric"])
    dls = {name: loader(vocab.transform(part), scaler.transform(part), part["installed"].to_numpy(),
                        tcfg["batch_size"], shuffle=(name == "train"))
           for name, part in [("train", train), ("valid", valid), ("test", test)]}

    model = DCNv2(vocab.sizes(), len(dcfg["numeric"]), **cfg["model"]).to(device)
    opt = torch.optim.Adam(model.parameters(), lr=tcfg["lr"])
    best, bad = np.inf, 0
    for epoch in range(tcfg["epochs"]):
        model.train()
        for cat, num, y in dls["train"]:
            opt.zero_grad()
            loss = F.binary_cross_entropy_with_logits(model(cat.to(device), num.to(device)), y.to(device))
            loss.backward()
            opt.step()
        p_val = predict(model, dls["valid"], device)
        val_ll = log_loss(valid["installed"], p_val)
        run.log({"epoch": epoch, "valid_logloss": val_ll, "valid_auc": roc_auc_score(valid["installed"], p_val)})
        if val_ll < best:
            best, bad = val_ll, 0
            torch.save(model.state_dict(), tcfg["checkpoint"])
        else:
            bad += 1
            if bad >= tcfg["patience"]:
                break

    model.load_state_dict(torch.load(tcfg["checkpoint"], map_location=device))
    p_test = predict(model, dls["test"], device)
    y_test = test["installed"].to_numpy()
    run.summary.update({
        "test_logloss": log_loss(y_test, p_test),
        "test_auc": roc_auc_score(y_test, p_test),
        "baseline_logloss": log_loss(y_test, np.full(len(y_test), train["installed"].mean())),
        "baseline_app_rating_auc": roc_auc_score(y_test, test["app_rating"].fillna(0)),
    })
    run.finish()


if __name__ == "__main__":
    with open("config.toml", "rb") as fh:
        main(tomllib.load(fh))
