"""Fine-tune TrOCR-small on typewritten 1950s municipal records; push the best model to a private Hub repo."""
import os

import evaluate
import torch
import wandb
import yaml
from huggingface_hub import login
from transformers import (
    EarlyStoppingCallback,
    Seq2SeqTrainer,
    Seq2SeqTrainingArguments,
    TrOCRProcessor,
    VisionEncoderDecoderModel,
    default_data_collator,
    set_seed,
)

from archive_ocr.data import load_jsonl_split, make_preprocess

cfg = yaml.safe_load(open("config.yaml"))
set_seed(cfg["seed"])

hf_token = os.environ.get("HF_TOKEN")
if hf_token:
    login(token=hf_token)
if os.environ.get("WANDB_API_KEY"):
    wandb.login(key=os.environ["WANDB_API_KEY"])
report_to = "wandb" if os.environ.get("WANDB_API_KEY") else "none"

processor = TrOCRProcessor.from_pretrained(cfg["base_model"])
prep = make_preprocess(processor, cfg["max_target_length"])
splits = {}
for name in ("train", "val", "test"):
    splits[name] = load_jsonl_split(cfg["data_dir"], name).map(prep, batched=True, batch_size=64,
                                                               remove_columns=["image", "text"])

cer = evaluate.load("cer")
wer = evaluate.load("wer")


def compute_metrics(p):
    labels = p.label_ids.copy()
    labels[labels == -100] = processor.tokenizer.pad_token_id
    hyp = processor.batch_decode(p.predictions, skip_special_tokens=True)
    ref = processor.batch_decode(labels, skip_special_tokens=True)
    return {"cer": cer.compute(predictions=hyp, references=ref), "wer": wer.compute(predictions=hyp, references=ref)}


model = VisionEncoderDecoderModel.from_pretrained(cfg["base_model"])
model.config.decoder_start_token_id = processor.tokenizer.cls_token_id
model.config.pad_token_id = processor.tokenizer.pad_token_id
model.generation_config.max_length = cfg["max_target_length"]
model.generation_config.num_beams = 3

t = cfg["training"]
args = Seq2SeqTrainingArguments(
    output_dir="runs/trocr-typewritten",
    learning_rate=t["learning_rate"],
    num_train_epochs=t["num_train_epochs"],
    per_device_train_batch_size=t["per_device_train_batch_size"],
    per_device_eval_batch_size=t["per_device_eval_batch_size"],
    warmup_ratio=t["warmup_ratio"],
    evaluation_strategy="steps",
    eval_steps=t["eval_steps"],
    save_steps=t["eval_steps"],
    save_total_limit=2,
    load_best_model_at_end=True,
    metric_for_best_model="cer",
    greater_is_better=False,
    predict_with_generate=True,
    fp16=torch.cuda.is_available(),
    report_to=report_to,
    push_to_hub=bool(hf_token),
    hub_model_id=cfg["hub_repo"],
    hub_private_repo=True,
    seed=cfg["seed"],
)
trainer = Seq2SeqTrainer(
    model=model,
    args=args,
    train_dataset=splits["train"],
    eval_dataset=splits["val"],
    data_collator=default_data_collator,
    compute_metrics=compute_metrics,
    callbacks=[EarlyStoppingCallback(early_stopping_patience=t["early_stopping_patience"])],
)

before = trainer.evaluate(splits["test"], metric_key_prefix="pretrained_test")
trainer.train()
after = trainer.evaluate(splits["test"], metric_key_prefix="test")
print({"pretrained": before, "finetuned": after})
if hf_token:
    trainer.push_to_hub(commit_message=f"test CER {after['test_cer']:.4f}")
    processor.push_to_hub(cfg["hub_repo"], private=True)
