use super::*;

fn render(page: &str) -> String {
    outline(page).render()
}

const NEWS: &str = r#"<!doctype html><html><head><title>Banjir Rendam Bekasi | Kabar Kota</title>
<script>var x = "jangan";</script><style>p{color:red}</style></head><body>
<header class="site-header"><a href="/">Kabar Kota</a><nav><a href="/a">Nasional</a><a href="/b">Olahraga</a></nav></header>
<div class="container"><main><article class="post">
<h1>Banjir Rendam Bekasi</h1>
<div class="article-content">
<p>Banjir setinggi satu meter merendam ratusan rumah di Bekasi, Jawa Barat, sejak Senin pagi.</p>
<p><strong>Baca juga:</strong> <a href="/x">Hujan Deras Diprediksi Sepekan Lagi</a></p>
<h2>Warga Mengungsi</h2>
<p>Sebagian warga mengungsi ke masjid dan sekolah terdekat, sementara yang lain bertahan di lantai dua.</p>
<figure><img src="a.jpg"><figcaption>Warga melintasi banjir. (Foto: Ani)</figcaption></figure>
<div class="ads-inline">ADVERTISEMENT</div>
<p>Petugas membagikan makanan, selimut, dan obat-obatan kepada para pengungsi.</p>
</div>
<div class="tags"><a href="/t/banjir">banjir</a><a href="/t/bekasi">bekasi</a></div>
</article>
<aside class="sidebar"><h3>Terpopuler</h3><ul><li><a href="/1">Berita satu yang sangat populer sekali hari ini</a></li></ul></aside>
</main></div>
<footer>Hak cipta 2024 Kabar Kota</footer></body></html>"#;

#[test]
fn html_news_page_keeps_the_article_only() {
    assert_eq!(
        render(NEWS),
        "Banjir Rendam Bekasi\n\n\
         Banjir setinggi satu meter merendam ratusan rumah di Bekasi, Jawa Barat, sejak Senin pagi.\n\n\
         Warga Mengungsi\n\n\
         Sebagian warga mengungsi ke masjid dan sekolah terdekat, sementara yang lain bertahan di lantai dua.\n\n\
         Petugas membagikan makanan, selimut, dan obat-obatan kepada para pengungsi.\n"
    );
}

#[test]
fn html_br_lines_are_paragraphs_and_lists_items() {
    let page = "<body><div class=\"detail__body-text\">Jakarta - Harga cabai naik tajam di pasar induk, \
                kata pedagang.<br><br>Kenaikan ini dipicu cuaca buruk, panen gagal, dan ongkos angkut.\
                <ul><li>cabai rawit naik dua kali lipat</li><li>cabai merah naik sepertiga</li></ul></div>\
                <div class=\"comments\"><p>Komentar pembaca yang panjang sekali, sungguh, sangat panjang.</p></div></body>";
    assert_eq!(
        render(page),
        "Jakarta - Harga cabai naik tajam di pasar induk, kata pedagang.\n\n\
         Kenaikan ini dipicu cuaca buruk, panen gagal, dan ongkos angkut.\n\n\
         - cabai rawit naik dua kali lipat\n- cabai merah naik sepertiga\n"
    );
}

#[test]
fn html_without_article_gives_what_there_is() {
    assert_eq!(render("<p>Halo.</p>"), "Halo.\n");
    assert_eq!(render(""), "");
    assert_eq!(render("<<<>>>&&&\u{0}"), "<<<>>>&&&\n");
}
#[test]
fn html_a_heading_beside_the_body_stays_its_own_line() {
    // A blog post: the post's heading and its body are siblings, the body's lines cut by
    // `<br>`; the heading repeats the title and goes, the body is not glued to it.
    let page = "<html><head><title>Blog Saya: Catatan Pendakian ke Gunung Merbabu</title></head>
        <body><div class='post'><h3 class='post-title entry-title'>Catatan Pendakian ke Gunung
        Merbabu</h3><div class='post-body entry-content'>Akhirnya kesampaian juga naik Merbabu
        lewat jalur Selo, jalur yang paling indah.<br><br>Malam itu kami menginap di basecamp
        karena hujan cukup deras, jadi kami berangkat pagi.</div></div></body></html>";
    assert_eq!(
        render(page),
        "Catatan Pendakian ke Gunung Merbabu\n\nAkhirnya kesampaian juga naik Merbabu lewat \
         jalur Selo, jalur yang paling indah.\n\nMalam itu kami menginap di basecamp karena \
         hujan cukup deras, jadi kami berangkat pagi.\n"
    );
}
