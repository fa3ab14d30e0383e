import torch
import torch.nn as nn
from sklearn.metrics import f1_score


class Trainer:
    """Mixed-precision trainer with gradient accumulation (radiographs are 768px, batch 8 is all that fits)."""

    def __init__(self, model, optimizer, scheduler, device, accum_steps=1, use_amp=True, class_weights=None):
        self.model = model
        self.optimizer = optimizer
        self.scheduler = scheduler
        self.device = device
        self.accum_steps = accum_steps
        self.use_amp = use_amp and device == "cuda"
        self.scaler = torch.cuda.amp.GradScaler(enabled=self.use_amp)
        self.criterion = nn.CrossEntropyLoss(weight=class_weights)

    def train_epoch(self, loader):
        self.model.train()
        self.optimizer.zero_grad(set_to_none=True)
        running = 0.0
        for step, (x, y) in enumerate(loader):
            x, y = x.to(self.device, non_blocking=True), y.to(self.device, non_blocking=True)
            with torch.autocast(device_type="cuda", dtype=torch.float16, enabled=self.use_amp):
                loss = self.criterion(self.model(x), y) / self.accum_steps
            self.scaler.scale(loss).backward()
            if (step + 1) % self.accum_steps == 0 or step + 1 == len(loader):
                self.scaler.unscale_(self.optimizer)
                nn.utils.clip_grad_norm_(self.model.parameters(), max_norm=2.0)
                self.scaler.step(self.optimizer)
                self.scaler.update()
                self.scheduler.step()
            running += loss.item() * self.accum_steps
        return running / len(loader)

    @torch.no_grad()
    def evaluate(self, loader):
        self.model.eval()
        ys, ps = [], []
        for x, y in loader:
            logits = self.model(x.to(self.device))
            ps.append(logits.argmax(1).cpu())
            ys.append(y)
        y, p = torch.cat(ys).numpy(), torch.cat(ps).numpy()
        return {"macro_f1": f1_score(y, p, average="macro"), "acc": float((y == p).mean())}
