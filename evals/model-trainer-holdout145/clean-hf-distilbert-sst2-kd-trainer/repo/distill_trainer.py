import torch
import torch.nn.functional as F
from transformers import Trainer


class DistillationTrainer(Trainer):
    """Trainer whose loss mixes hard-label CE with KL to a frozen teacher's softened logits."""

    def __init__(self, *args, teacher_model=None, temperature=2.0, alpha=0.5, **kwargs):
        super().__init__(*args, **kwargs)
        self.teacher = teacher_model.to(self.args.device).eval()
        for p in self.teacher.parameters():
            p.requires_grad_(False)
        self.temperature = temperature
        self.alpha = alpha

    def compute_loss(self, model, inputs, return_outputs=False):
        outputs = model(**inputs)
        ce = outputs.loss
        with torch.no_grad():
            teacher_logits = self.teacher(**{k: v for k, v in inputs.items() if k != "labels"}).logits
        T = self.temperature
        kd = F.kl_div(
            F.log_softmax(outputs.logits / T, dim=-1),
            F.softmax(teacher_logits / T, dim=-1),
            reduction="batchmean",
        ) * T ** 2
        loss = self.alpha * kd + (1.0 - self.alpha) * ce
        return (loss, outputs) if return_outputs else loss
