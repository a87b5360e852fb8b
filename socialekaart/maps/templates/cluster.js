function (cluster) {
    var count = cluster.getChildCount();
    var size = count < 10 ? "small" : (count < 100 ? "medium" : "large");
    // The hidden words give the focusable cluster button a name screen readers can announce.
    return new L.DivIcon({
        html: "<div><span>" + count + "<span class=\"visueel-verborgen\"> plekken, inzoomen</span></span></div>",
        className: "marker-cluster marker-cluster-" + size,
        iconSize: new L.Point(40, 40)
    });
}
