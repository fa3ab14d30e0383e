from pathlib import Path

import torch


class BestCheckpoint:
    def __init__(self, directory: str):
        self.path = Path(directory) / "best.pt"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self.best = float("-inf")

    def __call__(self, model, score: float, epoch: int) -> bool:
        if score > self.best:
            self.best = score
            torch.save({"state_dict": model.state_dict(), "epoch": epoch, "score": score}, self.path)
            return True
        return False

    def restore(self, model, device):
        model.load_state_dict(torch.load(self.path, map_location=device)["state_dict"])
        return model


class PatienceStop:
    def __init__(self, patience: int):
        self.patience, self.wait = patience, 0

    def update(self, improved: bool) -> bool:
        self.wait = 0 if improved else self.wait + 1
        return self.wait >= self.patience
