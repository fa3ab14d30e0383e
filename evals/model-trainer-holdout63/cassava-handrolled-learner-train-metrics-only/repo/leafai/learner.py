"""A small fastai-style Learner: fine_tune() = freeze -> one-cycle -> unfreeze -> one-cycle."""
import random

import numpy as np
import torch


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


class Learner:
    def __init__(self, model, train_dl, loss_func, device, head_name="fc"):
        self.model = model.to(device)
        self.train_dl = train_dl
        self.loss_func = loss_func
        self.device = device
        self.head_name = head_name

    def freeze(self):
        for name, p in self.model.named_parameters():
            p.requires_grad = name.startswith(self.head_name)

    def unfreeze(self):
        for p in self.model.parameters():
            p.requires_grad = True

    def fit_one_cycle(self, epochs, max_lr, wd=1e-2):
        params = [p for p in self.model.parameters() if p.requires_grad]
        opt = torch.optim.AdamW(params, lr=max_lr, weight_decay=wd)
        sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=max_lr, epochs=epochs,
                                                    steps_per_epoch=len(self.train_dl))
        for epoch in range(epochs):
            self.model.train()
            total, n = 0.0, 0
            for xb, yb in self.train_dl:
                xb, yb = xb.to(self.device), yb.to(self.device)
                opt.zero_grad()
                loss = self.loss_func(self.model(xb), yb)
                loss.backward()
                opt.step()
                sched.step()
                total += loss.item() * len(yb)
                n += len(yb)
            print(f"epoch {epoch}  train_loss {total / n:.4f}  lr {sched.get_last_lr()[0]:.2e}")

    def fine_tune(self, epochs, base_lr, freeze_epochs=1):
        self.freeze()
        self.fit_one_cycle(freeze_epochs, base_lr)
        self.unfreeze()
        self.fit_one_cycle(epochs, base_lr / 2)

    @torch.no_grad()
    def get_preds(self, dl):
        self.model.eval()
        probs, targets = [], []
        for xb, yb in dl:
            probs.append(torch.softmax(self.model(xb.to(self.device)), dim=1).cpu())
            targets.append(yb)
        return torch.cat(probs), torch.cat(targets)

    def save(self, path):
        torch.save(self.model.state_dict(), path)
