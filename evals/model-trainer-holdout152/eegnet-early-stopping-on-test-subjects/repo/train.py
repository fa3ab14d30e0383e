import random

import numpy as np
import torch
import yaml
from sklearn.metrics import balanced_accuracy_score, roc_auc_score
from torch import nn

from data import make_loaders
from model import EEGNet


def seed_everything(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


@torch.no_grad()
def evaluate(model, loader, device):
    model.eval()
    probs, targets = [], []
    for xb, yb in loader:
        logits = model(xb.to(device))
        probs.append(torch.softmax(logits, dim=1)[:, 1].cpu())
        targets.append(yb)
    p, t = torch.cat(probs).numpy(), torch.cat(targets).numpy()
    return roc_auc_score(t, p), balanced_accuracy_score(t, (p > 0.5).astype(int))


def main(cfg_path="config.yaml"):
    cfg = yaml.safe_load(open(cfg_path))
    seed_everything(cfg["train"]["seed"])
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

    train_loader, test_loader, counts = make_loaders(cfg)
    n_samples = int(round((cfg["data"]["tmax"] - cfg["data"]["tmin"]) * cfg["data"]["sfreq"]))
    model = EEGNet(cfg["data"]["n_channels"], n_samples, **cfg["model"]).to(device)

    weights = torch.tensor(counts.sum() / (2.0 * counts), dtype=torch.float32, device=device)
    criterion = nn.CrossEntropyLoss(weight=weights)
    optimizer = torch.optim.Adam(model.parameters(), lr=cfg["train"]["lr"],
                                 weight_decay=cfg["train"]["weight_decay"])

    best_auc, bad_epochs = -np.inf, 0
    for epoch in range(cfg["train"]["max_epochs"]):
        model.train()
        running = 0.0
        for xb, yb in train_loader:
            xb, yb = xb.to(device), yb.to(device)
            optimizer.zero_grad()
            loss = criterion(model(xb), yb)
            loss.backward()
            optimizer.step()
            running += loss.item() * len(xb)

        auc, bacc = evaluate(model, test_loader, device)
        print(f"epoch {epoch:03d} loss={running / len(train_loader.dataset):.4f} auc={auc:.3f} bacc={bacc:.3f}")
        if auc > best_auc:
            best_auc, bad_epochs = auc, 0
            torch.save(model.state_dict(), cfg["train"]["checkpoint"])
        else:
            bad_epochs += 1
            if bad_epochs >= cfg["train"]["patience"]:
                print("early stopping")
                break

    model.load_state_dict(torch.load(cfg["train"]["checkpoint"], map_location=device))
    auc, bacc = evaluate(model, test_loader, device)
    print(f"held-out subjects {cfg['data']['test_subjects']}: AUC={auc:.3f}  balanced acc={bacc:.3f}")


if __name__ == "__main__":
    main()
