//! Which article images may load: the placeholder's `data-image-hosts`, asked about each
//! image's URL before its element is made, so a refused image is never requested.

use std::sync::Arc;

use byline_model::image_hosts::ImageHosts;
use byline_model::state::ShownEdition;

use crate::api::ResolveLinks;

/// A widget's image hosts. The default allows any host (article images are https only).
#[derive(Debug, Clone, Default)]
pub struct ImageSources(Option<Arc<ImageHosts>>);

impl ImageSources {
    pub fn new(hosts: Option<ImageHosts>) -> Self {
        ImageSources(hosts.map(Arc::new))
    }

    /// Whether the image at the absolute `url` may load.
    pub fn allows(&self, url: &str) -> bool {
        let Some(hosts) = &self.0 else {
            return true;
        };
        let (Ok(image), Some(window)) = (web_sys::Url::new(url), web_sys::window()) else {
            return false;
        };
        // 'self' is the page's own origin, whatever its <base> says.
        let page = window.location().host().unwrap_or_default();
        hosts.allows(&image.host(), &page)
    }

    /// An image reference of `shown`, resolved, when it may load.
    pub fn resolve(&self, shown: &ShownEdition, reference: &str) -> Option<String> {
        shown.resolve(reference).filter(|url| self.allows(url))
    }
}
