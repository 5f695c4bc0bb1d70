/* Land on the cited passage. Material's instant navigation swaps pages without a real load and
   now and then keeps the previous page's scroll offset instead of jumping to the #fragment;
   after every page swap, bring the target into view and mark it (a pushState does not update
   :target, so the highlight uses a class). */
(function () {
  function land() {
    var id = decodeURIComponent(location.hash.slice(1));
    var old = document.querySelectorAll(".dq-landed");
    for (var i = 0; i < old.length; i++) old[i].classList.remove("dq-landed");
    if (!id) return;
    var target = document.getElementById(id);
    if (!target) return;
    target.classList.add("dq-landed");
    requestAnimationFrame(function () {
      target.scrollIntoView({ block: "center" });
    });
  }
  if (typeof document$ !== "undefined") {
    document$.subscribe(land);
  } else {
    document.addEventListener("DOMContentLoaded", land);
  }
  window.addEventListener("hashchange", land);
})();
