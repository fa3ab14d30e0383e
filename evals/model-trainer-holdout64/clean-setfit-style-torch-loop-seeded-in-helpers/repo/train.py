"""SetFit-style few-shot training without the setfit package:
contrastive fine-tuning of a MiniLM body with a torch loop, then a logistic-regression head."""
import sys
from pathlib import Path

import pandas as pd
import torch
import torch.nn.functional as F
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score
from transformers import AutoModel, AutoTokenizer

from setfit_lite.encoder import embed_batch, encode
from setfit_lite.pairs import contrastive_pairs, split_few_shot
from setfit_lite.utils import load_config, seed_everything


def head_scores(model, tok, device, fit_df, eval_df, max_length, seed):
    head = LogisticRegression(max_iter=2000, random_state=seed)
    head.fit(encode(model, tok, fit_df["text"].tolist(), device, max_length), fit_df["label"])
    pred = head.predict(encode(model, tok, eval_df["text"].tolist(), device, max_length))
    return head, {"macro_f1": f1_score(eval_df["label"], pred, average="macro"),
                  "accuracy": accuracy_score(eval_df["label"], pred)}


def main(cfg_path="config.toml"):
    cfg = load_config(cfg_path)
    rng = seed_everything(cfg["seed"])
    tcfg, fcfg = cfg["train"], cfg["fewshot"]
    device = "cuda" if torch.cuda.is_available() else "cpu"

    df = pd.read_csv(cfg["data_path"]).dropna().drop_duplicates("text").reset_index(drop=True)
    train_df, val_df, test_df = split_few_shot(df, "label", fcfg["shots_per_class"], fcfg["val_per_class"], rng)
    print(f"train={len(train_df)} val={len(val_df)} test={len(test_df)}")

    tok = AutoTokenizer.from_pretrained(cfg["base_model"])
    model = AutoModel.from_pretrained(cfg["base_model"]).to(device)
    _, frozen = head_scores(model, tok, device, train_df, test_df, tcfg["max_length"], cfg["seed"])
    print("frozen body baseline (test):", frozen)

    pairs = contrastive_pairs(train_df["text"], train_df["label"], fcfg["pairs_per_example"], rng)
    optim = torch.optim.AdamW(model.parameters(), lr=tcfg["lr"])
    ckpt = Path(cfg["output_dir"]) / "body_best"
    best_f1, bad = -1.0, 0

    for epoch in range(tcfg["epochs"]):
        model.train()
        order = rng.permutation(len(pairs))
        for s in range(0, len(order), tcfg["batch_size"]):
            batch = [pairs[i] for i in order[s:s + tcfg["batch_size"]]]
            a, b, target = zip(*batch)
            ea = embed_batch(model, tok, a, device, tcfg["max_length"])
            eb = embed_batch(model, tok, b, device, tcfg["max_length"])
            loss = F.mse_loss((ea * eb).sum(-1), torch.tensor(target, device=device))
            optim.zero_grad()
            loss.backward()
            optim.step()

        _, val = head_scores(model, tok, device, train_df, val_df, tcfg["max_length"], cfg["seed"])
        print(f"epoch {epoch}: last loss {loss.item():.4f} val {val}")
        if val["macro_f1"] > best_f1:
            best_f1, bad = val["macro_f1"], 0
            model.save_pretrained(ckpt)
            tok.save_pretrained(ckpt)
        else:
            bad += 1
            if bad >= tcfg["patience"]:
                print("early stop")
                break

    model = AutoModel.from_pretrained(ckpt).to(device)
    _, test = head_scores(model, tok, device, train_df, test_df, tcfg["max_length"], cfg["seed"])
    print("setfit-lite (test):", test, "frozen baseline (test):", frozen)


if __name__ == "__main__":
    main(*sys.argv[1:])
