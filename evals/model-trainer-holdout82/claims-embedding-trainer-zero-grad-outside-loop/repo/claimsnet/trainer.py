import copy
import logging
from pathlib import Path

import torch

log = logging.getLogger(__name__)


class Trainer:
    def __init__(self, model, lr, epochs, patience, checkpoint, device="cpu"):
        self.model = model.to(device)
        self.device = device
        self.epochs, self.patience = epochs, patience
        self.checkpoint = Path(checkpoint)
        self.optimizer = torch.optim.Adam(model.parameters(), lr=lr)
        self.scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(self.optimizer, factor=0.5, patience=3)
        self.loss_fn = torch.nn.MSELoss()

    @torch.no_grad()
    def evaluate(self, data_loader):
        self.model.eval()
        total, n = 0.0, 0
        for x_cat, x_num, y in data_loader:
            pred = self.model(x_cat.to(self.device), x_num.to(self.device))
            total += self.loss_fn(pred, y.to(self.device)).item() * len(y)
            n += len(y)
        return total / n

    def fit(self, train_loader, val_loader):
        best_val, best_state, stale = float("inf"), None, 0
        for epoch in range(1, self.epochs + 1):
            self.model.train()
            self.optimizer.zero_grad()
            running = 0.0
            for x_cat, x_num, y in train_loader:
                x_cat, x_num, y = x_cat.to(self.device), x_num.to(self.device), y.to(self.device)
                loss = self.loss_fn(self.model(x_cat, x_num), y)
                loss.backward()
                torch.nn.utils.clip_grad_norm_(self.model.parameters(), max_norm=5.0)
                self.optimizer.step()
                running += loss.item() * len(y)
            train_loss = running / len(train_loader.dataset)
            val_loss = self.evaluate(val_loader)
            self.scheduler.step(val_loss)
            log.info("epoch %d train_mse=%.4f val_mse=%.4f", epoch, train_loss, val_loss)
            if val_loss < best_val:
                best_val, best_state, stale = val_loss, copy.deepcopy(self.model.state_dict()), 0
                self.checkpoint.parent.mkdir(parents=True, exist_ok=True)
                torch.save(best_state, self.checkpoint)
            else:
                stale += 1
                if stale >= self.patience:
                    log.info("early stopping after %d epochs", epoch)
                    break
        self.model.load_state_dict(best_state)
        return best_val
