"""Forest cover type (7 classes) with an MLP, using trainer.Trainer."""
import random
from pathlib import Path

import numpy as np
import pandas as pd
import torch
from sklearn.dummy import DummyClassifier
from sklearn.metrics import balanced_accuracy_score, f1_score
from sklearn.model_selection import train_test_split
from sklearn.preprocessing import StandardScaler
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from trainer import Trainer

SEED = 123
random.seed(SEED)
np.random.seed(SEED)
torch.manual_seed(SEED)


def make_mlp(n_in: int, n_classes: int) -> nn.Module:
    return nn.Sequential(
        nn.Linear(n_in, 256), nn.BatchNorm1d(256), nn.ReLU(), nn.Dropout(0.3),
        nn.Linear(256, 128), nn.BatchNorm1d(128), nn.ReLU(), nn.Dropout(0.3),
        nn.Linear(128, n_classes),
    )


def to_loader(feats: np.ndarray, labels: np.ndarray, shuffle: bool) -> DataLoader:
    dataset = TensorDataset(torch.tensor(feats, dtype=torch.float32), torch.tensor(labels, dtype=torch.long))
    return DataLoader(dataset, batch_size=512, shuffle=shuffle)


def main() -> None:
    cover = pd.read_csv("data/covtype.csv")
    cover_class = cover.pop("Cover_Type").to_numpy() - 1
    terrain = cover.to_numpy(dtype=np.float32)

    dev_x, test_x, dev_y, test_y = train_test_split(terrain, cover_class, test_size=0.15, stratify=cover_class, random_state=SEED)
    fit_x, val_x, fit_y, val_y = train_test_split(dev_x, dev_y, test_size=0.15, stratify=dev_y, random_state=SEED)
    scaler = StandardScaler().fit(fit_x)
    fit_x, val_x, test_x = scaler.transform(fit_x), scaler.transform(val_x), scaler.transform(test_x)

    model = make_mlp(terrain.shape[1], 7)
    optimizer = torch.optim.Adam(model.parameters(), lr=2e-3, weight_decay=1e-5)
    trainer = Trainer(model, optimizer, checkpoint=Path("checkpoints/cover_mlp.pt"))
    trainer.checkpoint.parent.mkdir(parents=True, exist_ok=True)
    trainer.fit(to_loader(fit_x, fit_y, shuffle=True), to_loader(val_x, val_y, shuffle=False), epochs=100, patience=8)

    test_stats = trainer.validate(to_loader(test_x, test_y, shuffle=False))
    with torch.no_grad():
        test_pred = model(torch.tensor(test_x, dtype=torch.float32)).argmax(dim=1).numpy()
    majority = DummyClassifier(strategy="most_frequent").fit(fit_x, fit_y).predict(test_x)
    print(f"test loss {test_stats.loss:.4f}  acc {test_stats.accuracy:.3f}")
    print(f"balanced acc {balanced_accuracy_score(test_y, test_pred):.3f} (majority {balanced_accuracy_score(test_y, majority):.3f})")
    print(f"macro F1 {f1_score(test_y, test_pred, average='macro'):.3f}")


if __name__ == "__main__":
    main()
