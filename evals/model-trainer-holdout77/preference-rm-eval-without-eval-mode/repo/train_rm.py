"""Train a Bradley-Terry reward model on human preference pairs."""
import argparse
import random
from pathlib import Path

import numpy as np
import torch
import yaml
from datasets import load_dataset
from torch.utils.data import DataLoader
from tqdm import tqdm
from transformers import AutoTokenizer, get_linear_schedule_with_warmup

from rm.data import PreferencePairs, pairwise_loss, to_device
from rm.model import RewardModel


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def length_baseline_accuracy(split):
    """Accuracy of 'the longer response is preferred'."""
    wins = [len(r["chosen"]) > len(r["rejected"]) for r in split]
    return float(np.mean(wins))


def evaluate(model, loader, device):
    losses, margins = [], []
    for batch in loader:
        batch = to_device(batch, device)
        r_c = model(batch["chosen_input_ids"], batch["chosen_attention_mask"])
        r_r = model(batch["rejected_input_ids"], batch["rejected_attention_mask"])
        losses.append(pairwise_loss(r_c, r_r).item())
        margins.append((r_c - r_r).detach().cpu())
    margins = torch.cat(margins)
    return {
        "loss": float(np.mean(losses)),
        "pair_acc": float((margins > 0).float().mean()),
        "mean_margin": float(margins.mean()),
    }


def main(cfg):
    set_seed(cfg["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    tok = AutoTokenizer.from_pretrained(cfg["backbone"])

    raw = load_dataset(cfg["dataset"])
    split = raw["train"].train_test_split(test_size=cfg["val_fraction"], seed=cfg["seed"])
    train_ds = PreferencePairs(split["train"], tok, cfg["max_length"])
    val_ds = PreferencePairs(split["test"], tok, cfg["max_length"])
    test_ds = PreferencePairs(raw["test"], tok, cfg["max_length"])
    train_dl = DataLoader(train_ds, batch_size=cfg["batch_size"], shuffle=True, num_workers=4)
    val_dl = DataLoader(val_ds, batch_size=cfg["batch_size"] * 2, num_workers=4)
    test_dl = DataLoader(test_ds, batch_size=cfg["batch_size"] * 2, num_workers=4)

    model = RewardModel(cfg["backbone"], cfg["head_dropout"]).to(device)
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["lr"], weight_decay=cfg["weight_decay"])
    total_steps = len(train_dl) * cfg["epochs"]
    sched = get_linear_schedule_with_warmup(opt, int(0.05 * total_steps), total_steps)

    out_dir = Path(cfg["output_dir"])
    out_dir.mkdir(parents=True, exist_ok=True)
    best_val, bad_epochs = float("inf"), 0
    for epoch in range(cfg["epochs"]):
        model.train()
        for batch in tqdm(train_dl, desc=f"epoch {epoch}"):
            batch = to_device(batch, device)
            r_c = model(batch["chosen_input_ids"], batch["chosen_attention_mask"])
            r_r = model(batch["rejected_input_ids"], batch["rejected_attention_mask"])
            loss = pairwise_loss(r_c, r_r)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()

        val = evaluate(model, val_dl, device)
        print(f"epoch {epoch}: {val}")
        if val["loss"] < best_val:
            best_val, bad_epochs = val["loss"], 0
            torch.save(model.state_dict(), out_dir / "best.pt")
        else:
            bad_epochs += 1
            if bad_epochs >= cfg["patience"]:
                print("early stopping")
                break

    model.load_state_dict(torch.load(out_dir / "best.pt", map_location=device))
    test = evaluate(model, test_dl, device)
    print(f"test: {test}")
    print(f"length-heuristic baseline pair_acc: {length_baseline_accuracy(raw['test']):.4f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/rm.yaml")
    main(yaml.safe_load(open(parser.parse_args().config)))
